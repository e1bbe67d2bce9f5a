# syntax=docker/dockerfile:1
#
# Flowplay as one container: the playground and its API on port 7070, run data in the volume /data.
#   docker build -t flowplay .
#   docker run -d --name flowplay -p 127.0.0.1:7070:7070 -v flowplay-data:/data flowplay
#   docker stop -t 30 flowplay      # SIGTERM: running runs write a checkpoint and are recorded as interrupted
# Extra arguments are serve flags, e.g. `docker run … flowplay --workers 2 --log-format json`.
# Running it publicly (reverse proxy, TLS, admin token, metrics, backups): docs/deploy.md.

# ---- build: the shared maths, the web client (TeaVM) and the server jar that bundles both --------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Every module's pom, e2e-tests' too: Maven reads the whole reactor before -pl picks modules from it.
COPY pom.xml ./
COPY shared/pom.xml shared/
COPY webapp/pom.xml webapp/
COPY server/pom.xml server/
COPY e2e-tests/pom.xml e2e-tests/
COPY shared/src shared/src
COPY webapp/src webapp/src
COPY server/src server/src
# The file data sets the server jar ships (server/pom.xml reads ../training-data/*.csv).
COPY training-data training-data
# -am builds shared, then webapp (whose jar the server serves as /web), then server; the cache mount keeps the
# downloaded dependencies between builds (BuildKit). Tests run in CI (`mvn -B verify`), not in the image build.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q package -DskipTests -pl shared,webapp,server -am \
 && cp server/target/flowplay.jar /flowplay.jar

# ---- run: a JRE (it has jdk.incubator.vector) and the jar, as an unprivileged user ---------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 flowplay \
 && useradd --system --uid 10001 --gid flowplay --home-dir /home/flowplay --create-home --shell /usr/sbin/nologin flowplay \
 && mkdir /data \
 && chown flowplay:flowplay /data
COPY --from=build /flowplay.jar /app/flowplay.jar

# ND4J (--engine nd4j) sizes its native op pool from this variable only; one thread per run is the design.
ENV OMP_NUM_THREADS=1
# A named volume starts as the image's /data (owned by flowplay); a bind-mounted host folder must be writable by uid 10001.
VOLUME /data
EXPOSE 7070
USER 10001:10001
WORKDIR /home/flowplay

# The JVM (PID 1, exec form) turns SIGTERM into serve's graceful stop: it stops every running run at its next step,
# writes its checkpoint and records it as interrupted. Allow it time: `docker stop -t 30`.
STOPSIGNAL SIGTERM

# /health answers while the process serves. The JRE image has no curl or wget: bash's /dev/tcp speaks HTTP/1.0, which
# Jetty closes after one answer. The port is the one below; change both together.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/7070 && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# MaxRAMPercentage: the JVM's default heap is a quarter of the container's memory limit; runs and their checkpoints
# live on the heap, so give it most of the limit (native memory for ND4J, if used, comes from the rest).
ENTRYPOINT ["java", "--add-modules", "jdk.incubator.vector", "-XX:MaxRAMPercentage=75", "-jar", "/app/flowplay.jar", \
            "serve", "--host", "0.0.0.0", "--port", "7070", "--data", "/data"]
CMD []
