using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Engine.YouTube;
using YtOAuth.Hosting;

namespace YtOAuth.Commands
{
    /// <summary>
    /// Any YouTube Data v3 or Analytics v2 call with the profile's grant, for what YtOAuth has no command for: the same
    /// refresh, retries, quota counting and errors as the other commands; -All follows nextPageToken.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "YouTubeApi", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    [OutputType(typeof(string))]
    public sealed class InvokeYouTubeApiCommand : YtOAuthCmdlet
    {
        /// <summary>A path under the API's base.</summary>
        public const string PathSet = "Path";
        /// <summary>A full address under the profile's API bases.</summary>
        public const string UriSet = "Uri";

        /// <summary>A path under the API's base: videos, channels, playlistItems, reports...</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>A full address; it must be under one of the profile's API bases.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UriSet)]
        public Uri? Uri { get; set; }

        /// <summary>The HTTP method.</summary>
        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE")]
        [PSDefaultValue(Value = "GET")]
        public string Method { get; set; } = "GET";

        /// <summary>Data (YouTube Data API v3, the default) or Analytics (YouTube Analytics API v2).</summary>
        /// <remarks>A string, not the engine's enum: PowerShell reads parameter types when it loads the module, before
        /// the engine can load from dependencies/.</remarks>
        [Parameter]
        [ValidateSet("Data", "Analytics")]
        [PSDefaultValue(Value = "Data")]
        public string Api { get; set; } = "Data";

        /// <summary>Query parameters.</summary>
        [Parameter]
        public Hashtable? Query { get; set; }

        /// <summary>The body: JSON text, or an object sent as JSON.</summary>
        [Parameter]
        public object? Body { get; set; }

        /// <summary>Follow nextPageToken and write the items of every page.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>Write at most this many items, paging as needed.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [PSDefaultValue(Value = "every item")]
        public int First { get; set; }

        /// <summary>Write each answer's JSON text as it came, instead of objects.</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            try
            {
                var request = new ApiRequest
                {
                    Method = Method,
                    Api = Api == "Analytics" ? YouTubeApi.Analytics : YouTubeApi.Data,
                    Path = ParameterSetName == PathSet ? Path : null,
                    Uri = Uri,
                    Query = Query?.Cast<DictionaryEntry>().ToDictionary(e => e.Key.ToString()!, e => LanguagePrimitives.ConvertTo<string>(e.Value)),
                    JsonBody = Body == null ? null : Body is string text ? text : ToJson(Body),
                    All = All,
                    First = First > 0 ? First : (int?)null,
                    Raw = Raw,
                };
                if (Method != "GET" && !ConfirmChange(Method + " " + (Uri?.GetLeftPart(UriPartial.Path) ?? Path), "Send a request that changes YouTube data"))
                {
                    return;
                }

                var api = ModuleState.ForProfile(Profile, Vault).Engine.Api(Profile);
                Pump((emit, cancel) => api.InvokeAsync(request, emit, cancel));
            }
            catch (YtOAuthException e)
            {
                Fail(e);
            }
        }

        /// <summary>JSON answers become objects as Invoke-RestMethod's do, by PowerShell's own ConvertFrom-Json, on the pipeline thread.</summary>
        protected override void WriteItem(object item) => WriteObject(
            Raw || !(item is string json) ? item : InvokeCommand.InvokeScript("ConvertFrom-Json -InputObject $args[0]", false, System.Management.Automation.Runspaces.PipelineResultTypes.None, null, json).FirstOrDefault() ?? (object)json);

        private string ToJson(object body) =>
            InvokeCommand.InvokeScript("ConvertTo-Json -InputObject $args[0] -Depth 32 -Compress", false, System.Management.Automation.Runspaces.PipelineResultTypes.None, null, body)
                .FirstOrDefault()?.BaseObject as string ?? "null";
    }
}
