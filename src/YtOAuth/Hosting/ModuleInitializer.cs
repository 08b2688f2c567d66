using System.Management.Automation;

namespace YtOAuth.Hosting
{
    /// <summary>Hooks dependency loading when the module is imported and unhooks it on Remove-Module.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <inheritdoc />
        public void OnImport() => DependencyLoader.Register();

        /// <inheritdoc />
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            Release();
            DependencyLoader.Unregister();
        }

        // Separate method so the engine types in ModuleState load only if the module was used.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static void Release() => ModuleState.Reset();
    }
}
