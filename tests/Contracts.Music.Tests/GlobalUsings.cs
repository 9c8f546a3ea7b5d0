global using Contracts.Clients.Tests.Infrastructure;
global using Contracts.Music.Tests.Infrastructure;
