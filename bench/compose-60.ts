/**
 * A 60-service Docker Compose file for the CLI bench (bench/cli-render.ts), shaped like a real
 * platform: a reverse proxy in front of eight apps, each with its database and cache; workers on a
 * queue, each writing to an app's database; monitoring, logging, identity and storage services.
 * Deterministic: the same text every run.
 */
export function compose60(): { yaml: string; services: number } {
  const services: { name: string; image: string; depends?: string[]; ports?: string[] }[] = [];
  const apps = Array.from({ length: 8 }, (_, i) => `app${i + 1}`);
  services.push({ name: "proxy", image: "nginx:1.27", depends: apps, ports: ["80:80", "443:443"] });
  for (const a of apps) {
    services.push({ name: a, image: `registry.example.com/${a}:1.4`, depends: [`${a}-db`, `${a}-cache`] });
    services.push({ name: `${a}-db`, image: "postgres:16" });
    services.push({ name: `${a}-cache`, image: "redis:7" });
  }
  services.push({ name: "queue", image: "rabbitmq:3-management" });
  for (let i = 1; i <= 19; i++)
    services.push({
      name: `worker${i}`,
      image: "registry.example.com/worker:2.0",
      depends: ["queue", `${apps[i % apps.length]}-db`],
    });
  services.push({ name: "prometheus", image: "prom/prometheus:v2.53", ports: ["9090:9090"] });
  services.push({ name: "grafana", image: "grafana/grafana:11.1", depends: ["prometheus", "loki"] });
  services.push({ name: "loki", image: "grafana/loki:3.1" });
  services.push({ name: "promtail", image: "grafana/promtail:3.1", depends: ["loki"] });
  services.push({ name: "node-exporter", image: "prom/node-exporter:v1.8" });
  services.push({ name: "cadvisor", image: "gcr.io/cadvisor/cadvisor:v0.49" });
  services.push({ name: "alertmanager", image: "prom/alertmanager:v0.27", depends: ["prometheus"] });
  services.push({ name: "elasticsearch", image: "elasticsearch:8.14.3" });
  services.push({ name: "kibana", image: "kibana:8.14.3", depends: ["elasticsearch"], ports: ["5601:5601"] });
  services.push({ name: "logstash", image: "logstash:8.14.3", depends: ["elasticsearch"] });
  services.push({ name: "keycloak", image: "quay.io/keycloak/keycloak:25.0", depends: ["keycloak-db"] });
  services.push({ name: "keycloak-db", image: "postgres:16" });
  services.push({ name: "minio", image: "minio/minio:latest", ports: ["9000:9000"] });
  services.push({ name: "mailhog", image: "mailhog/mailhog:v1.0.1", ports: ["8025:8025"] });
  services.push({ name: "adminer", image: "adminer:4", depends: ["app1-db"], ports: ["8081:8080"] });
  if (services.length !== 60) throw new Error(`compose60: ${services.length} services`);
  const out = ["name: platform-60", "services:"];
  for (const s of services) {
    out.push(`  ${s.name}:`, `    image: ${s.image}`);
    if (s.ports) out.push("    ports:", ...s.ports.map((p) => `      - "${p}"`));
    if (s.depends) out.push("    depends_on:", ...s.depends.map((d) => `      - ${d}`));
  }
  return { yaml: out.join("\n") + "\n", services: services.length };
}
