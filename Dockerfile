# Production image of the API (used by docker-compose.yml). Builds once, runs the compiled JS.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm run build:web && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The browser app, served by the API at / (apps/api/src/web/static-web.ts finds it beside package.json).
COPY --from=build /app/apps/web/dist ./apps/web/dist
COPY package.json ./
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
