# Portfolio: build with the .NET SDK, run as the image's non-root user (the app carries its own runtime).
#   docker build -t portfolio .
#   docker run -p 8080:8080 -v "$PWD/content:/app/content:ro" -v portfolio-data:/app/data portfolio

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Restore first, from the project files alone, so that the layer is reused until a package changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Portfolio.Content/Portfolio.Content.csproj src/Portfolio.Content/
COPY src/Portfolio.Web/Portfolio.Web.csproj src/Portfolio.Web/
# The vulnerability audit needs the network, which an offline build does not have; CI audits on the host.
# Self-contained, as one ReadyToRun composite of the app and the .NET libraries: start-up does not wait for the JIT.
RUN dotnet restore src/Portfolio.Web/Portfolio.Web.csproj -r linux-x64 -p:PublishReadyToRun=true -p:SelfContained=true -p:NuGetAudit=false
COPY src/ src/
RUN dotnet publish src/Portfolio.Web/Portfolio.Web.csproj --configuration Release --no-restore --output /app \
    -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The content is baked in; mount your own folder over /app/content to replace it (read-only is fine).
COPY content/ ./content/
# The database is a cache of the content and lives in a volume the non-root user can write.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Portfolio__HttpsRedirection=false \
    Portfolio__ContentPath=/app/content \
    Portfolio__DatabasePath=/app/data/portfolio.db
VOLUME ["/app/data"]
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 CMD ["/app/Portfolio.Web", "health"]
ENTRYPOINT ["/app/Portfolio.Web"]
