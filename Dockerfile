# One image for the four apps; APP chooses which one runs (events, participants, reports, console).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json .swcrc nest-cli.json ./
COPY apps apps
COPY libs libs
COPY scripts scripts
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
USER node
ARG APP=events
ENV APP=${APP}
# --max-semi-space-size: as scripts/lib/service-process.ts (SERVICE_NODE_FLAGS) explains
CMD ["sh", "-c", "exec node --max-semi-space-size=4 dist/apps/${APP}/src/main.js"]
