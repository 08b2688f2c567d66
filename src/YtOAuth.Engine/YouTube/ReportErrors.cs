namespace YtOAuth.Engine.YouTube
{
    /// <summary>What a report answer's "errors" object said.</summary>
    internal sealed class ReportErrors
    {
        /// <summary>The first code (ErrorProto.code, or the deprecated global code).</summary>
        public string? Code { get; set; }
        /// <summary>The first externalErrorMessage.</summary>
        public string? Message { get; set; }
        /// <summary>The first location (the parameter at fault).</summary>
        public string? Location { get; set; }
        /// <summary>Whether it held anything at all.</summary>
        public bool Any { get; set; }
    }
}
