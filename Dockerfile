# syntax=docker/dockerfile:1
# One image per service of the distributed mode: docker build --build-arg MODULE=command-side .
# (compose.yaml passes MODULE for each service).

FROM node:22-bookworm-slim AS node

FROM maven:3.9-eclipse-temurin-17 AS build
# web-ui builds its single-page app with the system's node and npm (see web-ui/pom.xml).
COPY --from=node /usr/local/bin/node /usr/local/bin/
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm
ARG MODULE
RUN test -n "$MODULE" || { echo "Set --build-arg MODULE=<module>, e.g. command-side" >&2; exit 1; }
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 --mount=type=cache,target=/root/.npm \
    mvn -B -q -pl "$MODULE" -am package -DskipTests -Dmaven.test.skip=true \
    && cp "$MODULE"/target/trendline-"$MODULE"-*-exec.jar /tmp/app.jar \
    && java -Djarmode=tools -jar /tmp/app.jar extract --layers --launcher --destination /tmp/app

FROM eclipse-temurin:17-jre
ARG MODULE
LABEL org.opencontainers.image.title="trendline-${MODULE}"
RUN useradd --system --uid 10001 --no-create-home trendline
WORKDIR /app
# Least to most often changed, so a code change rebuilds only the last layers.
COPY --from=build /tmp/app/dependencies/ ./
COPY --from=build /tmp/app/spring-boot-loader/ ./
COPY --from=build /tmp/app/snapshot-dependencies/ ./
COPY --from=build /tmp/app/application/ ./
USER trendline
ENV SPRING_PROFILES_ACTIVE=distributed \
    AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
