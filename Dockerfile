# Every service from one Dockerfile: the build argument MODULE names the Maven module (intake-service,
# triage-service, remedy-service, followup-service, followup-worker) and PORT its HTTP port. Built from the
# repository root:
#   docker build --build-arg MODULE=intake-service --build-arg PORT=8080 -t make-it-right/intake-service .
# docker-compose.yml builds all five this way.
ARG MODULE

FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
RUN test -n "$MODULE" || (echo "MODULE build argument missing (e.g. --build-arg MODULE=intake-service)" >&2; exit 1)
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -q -B -pl ${MODULE} -am package -DskipTests \
    && cp ${MODULE}/target/${MODULE}.jar /src/app.jar

# The Ubuntu-based JRE (amd64 and arm64; Temurin 17 on Alpine is amd64 only), with curl for the health check.
FROM eclipse-temurin:17-jre
ARG PORT=8080
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system app && useradd --system --gid app --home-dir /app app \
    && mkdir -p /var/lib/make-it-right && chown app:app /var/lib/make-it-right
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
USER app
# The same JVM settings as ./complaints up (StackConfig.DEFAULT_SERVICE_JAVA_OPTS; docs/local-stack.md says why
# each): every memory pool bounded, so a service stays under 300 MB resident. MALLOC_ARENA_MAX bounds glibc's
# per-thread arenas (RocksDB and ~40 JVM threads would otherwise keep many mostly empty ones resident).
ENV SERVER_PORT=${PORT} \
    STATE_DIR=/var/lib/make-it-right/state \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS="-Xms32m -Xmx192m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=96m -XX:-UseCodeCacheFlushing -XX:CompileThresholdScaling=4 -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=5 \
    CMD curl -fsS -o /dev/null "http://localhost:${SERVER_PORT}/actuator/health" || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"]
