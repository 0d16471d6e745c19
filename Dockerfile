# The mock PokeAPI as an OCI image: `pokebench serve`, options from
# POKEBENCH_* variables (see README, "Running past one machine").
#
#   docker build -t pokebench .
#   docker run --rm -p 8080:8080 -e POKEBENCH_ADMIN_TOKEN=change-me pokebench
#
# The base is an argument so a registry mirror (or a locally built Node 20
# image) can stand in: docker build --build-arg NODE_IMAGE=mirror/node:20-slim .
ARG NODE_IMAGE=node:20-slim

# Build: install with the lockfile (npm ci runs the project's `prepare`, which
# compiles src/ and mock-server/ to dist/), then drop the development dependencies.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY scripts/build.mjs ./scripts/build.mjs
COPY src ./src
COPY mock-server ./mock-server
COPY fixtures ./fixtures
COPY schema ./schema
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

# Runtime: production dependencies and the files `serve` reads, as a non-root user.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    POKEBENCH_HOST=0.0.0.0 \
    POKEBENCH_PORT=8080 \
    POKEBENCH_PROFILE=pokeapi-like
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/fixtures ./fixtures
COPY --from=build /app/schema ./schema
# uid 1000 is `node` in the official image; numeric, so any base works. Off
# loopback (the default here) serve refuses to start unless POKEBENCH_ADMIN_TOKEN
# is set or POKEBENCH_ADMIN=off.
USER 1000:1000
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.POKEBENCH_PORT||8080)+'/__admin/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "dist/src/cli/bin.js", "serve"]
