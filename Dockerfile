# Release Lens: the dashboard (default command) and the CLI (`node bin/release-lens.mjs`), in one image.
# Runs as a non-root user with a read-only root filesystem: /tmp and the SQLite directory are the only writable paths
# (mount emptyDirs or a volume there; see deploy/dashboard.yaml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 \
    RELEASE_LENS_SQLITE_PATH=/data/reports.sqlite \
    RELEASE_LENS_LOCAL_KUBECONFIG=false
COPY --from=build --chown=0:0 /app/package.json /app/next.config.ts ./
COPY --from=build --chown=0:0 /app/node_modules ./node_modules
COPY --from=build --chown=0:0 /app/.next ./.next
COPY --from=build --chown=0:0 /app/public ./public
COPY --from=build --chown=0:0 /app/data ./data
COPY --from=build --chown=0:0 /app/bin ./bin
COPY --from=build --chown=0:0 /app/dist ./dist
# Owned by root and read-only to the app user; only /data (reports) and /tmp are written.
RUN mkdir -p /data && chown 10001:10001 /data
USER 10001:10001
EXPOSE 3000
CMD ["node", "node_modules/next/dist/bin/next", "start", "-p", "3000", "-H", "0.0.0.0"]
