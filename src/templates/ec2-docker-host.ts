/**
 * `ec2-docker-host` — an EC2 instance (a VM launched from an AMI) with Docker installed: a Docker
 * host whose containers pull their images from Docker Hub.
 */
import type { StackDocument } from "../domain/document.ts";
import { L, TemplateBuilder, type Lang } from "./builder.ts";

export function buildEc2DockerHost(lang: Lang): StackDocument {
  const b = new TemplateBuilder(lang);
  const cloud = b.node("aws", "cloud", null, L("AWS Cloud", "AWS 클라우드"), { provider: "aws" });
  const ec2 = b.node(
    "ec2",
    "vm",
    cloud,
    L("EC2 instance (Docker host)", "EC2 인스턴스 (도커 호스트)"),
    { product: "EC2" },
    L(
      "EC2 has instances that look like containers, but EC2 is virtualization too; AWS supplies the server and hypervisor under it.",
      "EC2에도 컨테이너와 비슷한 인스턴스라는 개념이 있지만 EC2 역시 가상화 기술이다. 그 아래의 서버와 하이퍼바이저는 AWS가 제공한다.",
    ),
  );
  const kernel = b.node("amazon-linux", "kernel", ec2, L("Amazon Linux", "Amazon Linux"), {
    family: "linux",
    distro: "Amazon Linux",
  });
  const docker = b.node(
    "docker",
    "container-engine",
    kernel,
    L("Docker Engine", "Docker Engine"),
    { product: "docker" },
    L(
      "Docker can be installed inside an EC2 instance; the instance then becomes a Docker host that runs Docker containers.",
      "EC2 인스턴스 안에 도커를 설치해 사용할 수 있다. 이 경우 EC2 인스턴스는 도커 호스트가 되어 도커 컨테이너를 실행할 수 있다.",
    ),
  );
  const web = b.node("web", "container", docker, L("web (nginx)", "웹 (nginx)"), {
    image: "nginx:1.27",
    ports: [{ host: 80, container: 80 }],
  });
  const app = b.node("app", "container", docker, L("app", "앱"), {
    image: "app:1.0",
    ports: [{ container: 8080 }],
  });
  const ami = b.node(
    "ami",
    "image",
    null,
    L("AMI (Amazon Linux)", "AMI (Amazon Linux)"),
    { imageType: "ami", ref: "ami-0abcdef1234567890" },
    L(
      "Instances are created from an image called an AMI, so deploying them resembles Docker.",
      "인스턴스는 AMI라는 이미지로부터 생성하므로 배포하는 방법은 도커와 비슷하다.",
    ),
  );
  const hub = b.node("docker-hub", "registry", null, L("Docker Hub", "Docker Hub"), {
    product: "Docker Hub",
  });
  b.edge("e-ec2-ami", "launched-from", ec2, ami);
  b.edge("e-web-hub", "pulls", web, hub);
  b.edge("e-app-hub", "pulls", app, hub);
  return b.build(L("EC2 as a Docker host", "도커 호스트가 된 EC2"));
}
