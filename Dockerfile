# syntax=docker/dockerfile:1
# Multi-stage build: the SDK image restores and publishes, the runtime image runs as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Monitor.Core/Monitor.Core.csproj src/Monitor.Core/
COPY src/Monitor.Worker/Monitor.Worker.csproj src/Monitor.Worker/
RUN dotnet restore src/Monitor.Worker/Monitor.Worker.csproj
COPY src/ src/
COPY appsettings*.json ./
COPY accounts/ accounts/
RUN dotnet publish src/Monitor.Worker/Monitor.Worker.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./
# The SQLite file lives on a volume; every setting can be given as an environment variable (Monitor__Section__Key).
ENV DOTNET_ENVIRONMENT=Production \
    Monitor__Storage__Sqlite__Path=/data/monitor.db
RUN mkdir -p /data && chown app:app /data
VOLUME /data
# 'app' (UID 1654) is the non-root user the .NET images ship.
USER app
# A bind-mounted /data must be writable by that uid (chown 1654:1654 on the host).
# The status endpoint listens on 127.0.0.1:5080 inside the container; to publish it set Urls=http://0.0.0.0:5080 and
# Monitor__Web__ApiKey (README, "Container"). The aspnet image has no curl, so the worker probes itself
# (/readyz: store reachable, scheduler running, a poll cycle within Monitor:Web:MaxCycleAge).
EXPOSE 5080
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["dotnet", "Monitor.Worker.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "Monitor.Worker.dll"]
CMD ["run"]
