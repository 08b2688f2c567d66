// Every verb and option kind is System.CommandLine's; the .NET basics come from ImplicitUsings in the project.
global using System.CommandLine;
global using YtOAuth.Cli.Options;
