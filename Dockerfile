# The API's production image. Three stages: build (all dependencies, tsc and the explorer
# bundle), deps (production dependencies only) and the runtime, which holds dist/, the
# production node_modules and the data folders the server reads (cypher/, fixtures/, data/),
# runs as the unprivileged `node` user, and starts node directly (exec form) so SIGTERM reaches
# the server. Neo4j comes from NEO4J_URI (see docker-compose.yml and docs/deploy.md).
#
# No Docker engine runs on the project's machines: tests/unit/deploy-files.test.ts checks this
# file's properties, but the image has not been built there.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    NEO4J_PROVIDER=uri
WORKDIR /app
COPY --chown=node:node package.json ./
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node cypher ./cypher
COPY --chown=node:node fixtures ./fixtures
COPY --chown=node:node data ./data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server.js"]
