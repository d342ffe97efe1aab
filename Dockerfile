# Orientation bot: one stateless process; conversation state in Redis when REDIS_URL is set.
# Build: docker build -t orientation .
# Run:   docker run -p 3978:3978 -e STATE_SECRET=... -e REDIS_URL=redis://redis:6379 orientation
# See docs/operations.md for every variable.
FROM node:20-bookworm-slim

WORKDIR /app
ENV NODE_ENV=production PORT=3978
# A heap ceiling: without one V8 lets the heap grow lazily under load (RSS up to ~600 MB);
# with it RSS stays near 350 MB and throughput is the same (docs/benchmarks.md).
ENV NODE_OPTIONS=--max-old-space-size=320

COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY . .
# The cache folder belongs to the user that runs the bot. Compiling as that user leaves in the
# image what every start reads in .cache/: the server's bundle, the compiled trees snapshot and
# the communes index (docs/operations.md, "Start time").
RUN mkdir -p .cache && chown node:node .cache
USER node
RUN npm run -s compile

EXPOSE 3978
# /healthz answers 200 while degraded (Redis away): the process recovers alone, no restart needed.
HEALTHCHECK --interval=30s --timeout=3s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node itself is PID 1 and handles SIGTERM (app/ops/start.ts): `docker stop` lets requests in flight finish.
CMD ["node", "app/launch.js"]
