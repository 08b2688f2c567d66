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
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return Names.Where(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n));
        }
    }

    /// <summary>Completes -Scope with friendly scope names.</summary>
    public sealed class ScopeCompleter : NameCompleter
    {
        /// <inheritdoc />
        protected override IEnumerable<string> Names => Engine.OAuth.Scopes.Friendly.Keys;
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
