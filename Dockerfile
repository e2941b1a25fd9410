# Production image of the API (used by docker-compose.yml). Builds once, runs the compiled JS.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm run build:web && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# The 成交确认书 PDF embeds a CJK font: without one, settlement stops with CJK_FONT_MISSING. The package
# is the one scripts/install-system-deps.sh installs; its file is the first path that
# libs/settlement/src/document/cjk-font.ts searches (test/deploy/production-start.e2e-spec.ts checks both).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-wqy-microhei \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The browser app, served by the API at / (apps/api/src/web/static-web.ts finds it beside package.json).
COPY --from=build /app/apps/web/dist ./apps/web/dist
COPY package.json ./
# DATA_DIR (.data): uploaded application documents (files/), on a volume shared by the instances.
RUN mkdir -p /app/.data/files && chown -R node:node /app/.data
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
