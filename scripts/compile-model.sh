#!/usr/bin/env bash
# Writes EF Core's compiled model of PortfolioDbContext into src/Portfolio.Content/Data/Compiled, and the script that
# creates its tables beside it (run after a change to the model; CompiledModelTests fails until you do). Uses dotnet-ef
# from .config/dotnet-tools.json.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef dbcontext optimize --project src/Portfolio.Content --startup-project src/Portfolio.Content \
  --output-dir Data/Compiled --namespace Portfolio.Content.Data.Compiled
# Creating tables through EF would build the design-time model from conventions at every first start: the script is that
# model's own CREATE statements, written once here.
dotnet ef dbcontext script --project src/Portfolio.Content --startup-project src/Portfolio.Content \
  --output "$PWD/src/Portfolio.Content/Data/Compiled/CreateTables.sql"
