# Build a static faro and serve it from a small non-root image whose root
# file system can be mounted read-only: everything faro writes — the index,
# the corpus with its uploads/, and the originals of deleted documents
# (deleted/) — lives in the volume /data.
#
# The bundled corpus is indexed at build time into the image's /data, which
# a new named volume takes over, so the first start serves at once. With an
# empty bind-mounted /data, faro copies the corpus from /app/corpus
# (--seed-corpus) and indexes it (a few seconds). To serve your own
# collection, put it in /data/corpus before the first start.
#
#   docker build -t faro --build-arg REVISION="$(git rev-parse HEAD)" \
#     --build-arg DATE="$(git log -1 --format=%cI)" [--build-arg VERSION=v1.2.0] .
#   docker run -d --name faro -p 8080:8080 --read-only --tmpfs /tmp \
#     -v faro-data:/data -e FARO_ADMIN_TOKEN="$(openssl rand -hex 32)" faro
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Index the bundled corpus at build time: a corpus or a binary that cannot
# index fails the build, not the first start.
# .git is not sent to the build: the version, commit and date that faro
# version, /healthz and /metrics report come from these arguments.
ARG VERSION="" REVISION="" DATE=""
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X faro/internal/version.version=${VERSION} -X faro/internal/version.revision=${REVISION} -X faro/internal/version.date=${DATE}" -o /out/faro ./cmd/faro \
 && mkdir -p /out/corpus /out/data/corpus && cp -r corpus/. /out/corpus/ && cp -r corpus/. /out/data/corpus/ \
 && /out/faro index --corpus /out/data/corpus --index /out/data/index

# Debian slim rather than distroless: OCR runs Tesseract (Apache-2.0) with
# its English, Spanish, French and Portuguese models, as a separate program.
# Query words are translated with FreeDict's bilingual dictionaries
# (GPL-2.0-or-later, CC-BY-SA-3.0), read at start-up from /usr/share/dictd,
# the same packages .ci/run installs.
FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-fra tesseract-ocr-por \
      dict-freedict-eng-spa dict-freedict-spa-eng dict-freedict-eng-fra dict-freedict-fra-eng \
      dict-freedict-eng-por dict-freedict-por-eng dict-freedict-fra-spa dict-freedict-spa-por \
      dict-freedict-por-spa \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd -g 65532 nonroot && useradd -u 65532 -g 65532 -M -d /nonexistent -s /usr/sbin/nologin nonroot
WORKDIR /app
COPY --from=build /out/faro /app/faro
# The seed: read-only in the image, copied to /data/corpus on first start.
COPY --from=build /out/corpus /app/corpus
# /data must belong to nonroot (uid 65532): a new named volume takes the
# image's ownership; a bind-mounted host folder must be chowned to 65532.
COPY --from=build --chown=nonroot:nonroot /out/data /data
VOLUME ["/data"]
ENV FARO_ADDR=:8080 \
    FARO_INDEX=/data/index \
    FARO_CORPUS=/data/corpus \
    FARO_SEED_CORPUS=/app/corpus \
    FARO_LOG_FORMAT=json \
    FARO_WASM_CACHE=/data/cache/wazero \
    FARO_OCR=auto \
    FARO_SHUTDOWN_TIMEOUT=8s
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/app/faro"]
CMD ["serve"]
