global using System.Net;
global using System.Text.Json.Nodes;
global using Contracts.Emulator.Tests.Infrastructure;
