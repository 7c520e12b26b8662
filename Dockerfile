# syntax=docker/dockerfile:1
# Build: docker build -t idebank .   Run: see docker-compose.yml.

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/idebank ./cmd/idebank \
 && mkdir -p /out/data

# distroless/static has no shell; the image's health check runs the binary's
# own probe instead of curl.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/idebank /usr/local/bin/idebank
COPY --from=build --chown=65532:65532 /out/data /data
ENV IDEBANK_ADDR=:8080 \
    IDEBANK_DATA_DIR=/data \
    IDEBANK_LOG_FORMAT=json
VOLUME ["/data"]
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/idebank"]
CMD ["serve"]
