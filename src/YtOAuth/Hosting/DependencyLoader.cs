using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace YtOAuth.Hosting
{
    /// <summary>
    /// Keeps YtOAuth's dependencies (the engine, Google.Apis.*, Newtonsoft.Json) in dependencies/ and out of
    /// PowerShell's shared load context, so another module's Newtonsoft.Json cannot break YtOAuth or the reverse.
    /// On PowerShell 7 one private AssemblyLoadContext loads them; the default context's Resolving hook answers
    /// only for YtOAuth.Engine. On Windows PowerShell an AssemblyResolve handler serves the same folder.
    /// AssemblyLoadContext is reached by reflection so one netstandard2.0 binary serves both editions.
    /// This class must not touch engine types: it runs before they can load.
    /// </summary>
    public static class DependencyLoader
    {
        private const string EngineName = "YtOAuth.Engine";
        private static readonly object Gate = new object();
        private static string? folder;
        private static object? privateContext;
        private static Delegate? defaultResolving;
        private static Delegate? privateResolving;
        private static EventInfo? resolvingEvent;
        private static ResolveEventHandler? appDomainHandler;

        /// <summary>The dependencies folder beside YtOAuth.dll.</summary>
        public static string DefaultFolder => Path.Combine(Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location) ?? ".", "dependencies");

        /// <summary>The private load context (PowerShell 7), or null on Windows PowerShell or before registration.</summary>
        public static object? PrivateContext => privateContext;

        /// <summary>Hooks assembly resolution; safe to call twice.</summary>
        public static void Register(string? dependencies = null)
        {
            lock (Gate)
            {
                if (folder != null)
                {
                    return;
                }

                folder = dependencies ?? DefaultFolder;
                var alcType = Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: false)
                              ?? Type.GetType("System.Runtime.Loader.AssemblyLoadContext", throwOnError: false);
                var constructor = alcType?.GetConstructor(new[] { typeof(string), typeof(bool) });
                if (alcType == null || constructor == null)
                {
                    appDomainHandler = (_, args) => LoadFromFolder(new AssemblyName(args.Name), path => Assembly.LoadFrom(path));
                    AppDomain.CurrentDomain.AssemblyResolve += appDomainHandler;
                    return;
                }

                // Assemblies never unload, so a second import (Import-Module -Force) keeps using the same context.
                privateContext ??= constructor.Invoke(new object[] { "YtOAuth", false });
                resolvingEvent = alcType.GetEvent("Resolving")!;
                var handlerType = resolvingEvent.EventHandlerType!;
                var defaultContext = alcType.GetProperty("Default")!.GetValue(null)!;
                defaultResolving = Delegate.CreateDelegate(handlerType, typeof(DependencyLoader).GetMethod(nameof(ResolveFromDefault), BindingFlags.NonPublic | BindingFlags.Static)!);
                privateResolving = Delegate.CreateDelegate(handlerType, typeof(DependencyLoader).GetMethod(nameof(ResolveInPrivate), BindingFlags.NonPublic | BindingFlags.Static)!);
                resolvingEvent.AddEventHandler(defaultContext, defaultResolving);
                resolvingEvent.AddEventHandler(privateContext, privateResolving);
            }
        }

        /// <summary>Unhooks (module removal); the private context stays for a later import, as its assemblies cannot unload.</summary>
        public static void Unregister()
        {
            lock (Gate)
            {
                if (appDomainHandler != null)
                {
                    AppDomain.CurrentDomain.AssemblyResolve -= appDomainHandler;
                }

                if (resolvingEvent != null && privateContext != null)
                {
                    var defaultContext = privateContext.GetType().GetProperty("Default")!.GetValue(null)!;
                    resolvingEvent.RemoveEventHandler(defaultContext, defaultResolving);
                    resolvingEvent.RemoveEventHandler(privateContext, privateResolving);
                }

                folder = null;
                appDomainHandler = null;
            }
        }

        // Default context: only YtOAuth.Engine is ours to answer; it goes into the private context.
        private static Assembly? ResolveFromDefault(object context, AssemblyName name) =>
            name.Name == EngineName ? LoadIntoPrivate(name) : null;

        // Private context: whatever PowerShell and the runtime do not already ship comes from dependencies/.
        private static Assembly? ResolveInPrivate(object context, AssemblyName name) => LoadIntoPrivate(name);

        private static Assembly? LoadIntoPrivate(AssemblyName name) =>
            LoadFromFolder(name, path => (Assembly)privateContext!.GetType().GetMethod("LoadFromAssemblyPath")!.Invoke(privateContext, new object[] { path })!);

        private static Assembly? LoadFromFolder(AssemblyName name, Func<string, Assembly> load)
        {
            var path = Path.Combine(folder ?? DefaultFolder, name.Name + ".dll");
            if (!File.Exists(path))
            {
                return null;
            }

            // Strict identity: a higher version than we ship must not be satisfied with ours.
            var available = AssemblyName.GetAssemblyName(path);
            if (name.Version != null && available.Version < name.Version)
            {
                return null;
            }

            return load(path);
        }
    }
}
