using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace YtOAuth.Hosting
{
    /// <summary>Base of the tab completers: offers the known names that start with what was typed.</summary>
    public abstract class NameCompleter : IArgumentCompleter
    {
        /// <summary>The names to offer.</summary>
        protected abstract IEnumerable<string> Names { get; }

        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
            => Matching(Names, wordToComplete);

        /// <summary>The names that start with what was typed (quotes aside), quoted when they need it.</summary>
        internal static IEnumerable<CompletionResult> Matching(IEnumerable<string> names, string? wordToComplete)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return names.Where(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(n.IndexOfAny(new[] { ' ', '\'', '$', '`', ';', '(', ')' }) >= 0 ? "'" + n.Replace("'", "''") + "'" : n,
                    n, CompletionResultType.ParameterValue, n));
        }
    }

    /// <summary>
    /// Completes -Profile with the profiles that exist: this session's memory and the vault (-Vault if typed, else the
    /// default one). The vault is read through its token store's own runspace, which has no host and so never prompts
    /// for a password in the middle of a Tab. Never file names.
    /// </summary>
    public sealed class ProfileCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var names = new SortedSet<string>(ModuleState.ProcessProfileNames, StringComparer.Ordinal);
            try
            {
                names.UnionWith(ModuleState.Vault(fakeBoundParameters?["Vault"] as string ?? ModuleState.Current?.Vault).Store
                    .ListProfilesAsync(System.Threading.CancellationToken.None).GetAwaiter().GetResult());
            }
            catch (Engine.YtOAuthException)
            {
                // No SecretManagement, no such vault, a locked one: this session's profiles are all there is to offer.
            }

            return NameCompleter.Matching(names, wordToComplete);
        }
    }

    /// <summary>Completes -Vault with the registered SecretManagement vaults. Never file names.</summary>
    public sealed class VaultCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            NameCompleter.Matching(SecretManagement.Invoke("Get-SecretVault").Select(v => v.Properties["Name"]?.Value as string).Where(n => n != null)!, wordToComplete);
    }

    /// <summary>SecretManagement's vault list for completion: nothing at all when the module is missing.</summary>
    internal static class SecretManagement
    {
        public static IReadOnlyList<PSObject> Invoke(string command)
        {
            try
            {
                // The caller's own session: a completer runs on its pipeline thread. Get-SecretVault never prompts.
                using (var ps = PowerShell.Create(RunspaceMode.CurrentRunspace))
                {
                    return ps.AddCommand(command).AddParameter("ErrorAction", "Ignore").Invoke().Where(o => o != null).ToList();
                }
            }
            catch (Exception e) when (e is RuntimeException || e is InvalidOperationException)
            {
                return new PSObject[0]; // SecretManagement not installed, or no vault: nothing to offer
            }
        }
    }

    /// <summary>Completes -Scope with friendly scope names.</summary>
    public sealed class ScopeCompleter : NameCompleter
    {
        /// <inheritdoc />
        protected override IEnumerable<string> Names => Engine.OAuth.Scopes.Friendly.Keys;
    }

    /// <summary>
    /// Completes -Privacy of videos and playlists. Only a completer, not ValidateSet: the engine checks the value and
    /// says what it takes, the same for the CLI.
    /// </summary>
    public sealed class PrivacyCompleter : NameCompleter
    {
        /// <inheritdoc />
        protected override IEnumerable<string> Names => Engine.YouTube.VideoUpload.PrivacyValues;
    }

    /// <summary>Completes -Metrics with common YouTube Analytics metrics.</summary>
    public sealed class MetricCompleter : NameCompleter
    {
        /// <summary>Metrics offered.</summary>
        public static readonly string[] Known =
        {
            "views", "estimatedMinutesWatched", "averageViewDuration", "averageViewPercentage", "likes", "dislikes", "comments", "shares",
            "subscribersGained", "subscribersLost", "videosAddedToPlaylists", "videosRemovedFromPlaylists", "engagedViews",
            "estimatedRevenue", "estimatedAdRevenue", "grossRevenue", "cpm", "playbackBasedCpm", "adImpressions", "monetizedPlaybacks",
            "cardImpressions", "cardClicks", "cardClickRate", "annotationClickThroughRate",
        };

        /// <inheritdoc />
        protected override IEnumerable<string> Names => Known;
    }

    /// <summary>Completes -Dimensions with common YouTube Analytics dimensions.</summary>
    public sealed class DimensionCompleter : NameCompleter
    {
        /// <summary>Dimensions offered.</summary>
        public static readonly string[] Known =
        {
            "day", "month", "video", "playlist", "channel", "country", "province", "city", "continent", "subContinent",
            "ageGroup", "gender", "deviceType", "operatingSystem", "insightTrafficSourceType", "insightTrafficSourceDetail",
            "insightPlaybackLocationType", "sharingService", "subscribedStatus", "youtubeProduct", "liveOrOnDemand", "creatorContentType",
        };

        /// <inheritdoc />
        protected override IEnumerable<string> Names => Known;
    }
}
