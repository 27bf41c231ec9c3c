# One image for the API, the worker and the CLI (migrations, seed, inventory import).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production API_HOST=0.0.0.0 API_PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Real-name documents (a volume in docker-compose.yml), owned by the user the processes run as.
RUN mkdir -p /var/lib/haoma/documents && chown node:node /var/lib/haoma/documents
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
