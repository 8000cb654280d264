/** A Compose file with three profiles (debug, mail, docs) and one service without: what the profile question is asked about. */
export const COMPOSE_PROFILES = `services:
  web:
    image: nginx:1.27
  adminer:
    image: adminer:4
    profiles: [debug]
  mailhog:
    image: mailhog/mailhog:v1.0.1
    profiles: [debug, mail]
  docs:
    image: squidfunk/mkdocs-material:9
    profiles: [docs]
`;
