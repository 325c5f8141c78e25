# Build a static faro, index the bundled corpus at build time, and serve it
# from a small non-root image.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/faro ./cmd/faro \
 && /out/faro index --corpus corpus --index /out/data/index \
 && mkdir -p /out/corpus && cp -r corpus/. /out/corpus/

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /app
COPY --from=build /out/faro /app/faro
COPY --from=build /out/corpus /app/corpus
COPY --from=build --chown=nonroot:nonroot /out/data /app/data
ENV FARO_ADDR=:8080 FARO_INDEX=/app/data/index FARO_CORPUS=/app/corpus
USER nonroot
EXPOSE 8080
ENTRYPOINT ["/app/faro"]
CMD ["serve"]
