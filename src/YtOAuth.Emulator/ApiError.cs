namespace YtOAuth.Emulator;

/// <summary>A refusal found while checking a request, sent later as Google's error body (<see cref="ApiResponses.Error"/>).</summary>
internal sealed record ApiError(int Status, string Reason, string Domain, string Message, string? Location = null, string LocationType = "parameter")
{
    public Task SendAsync(HttpContext context) => ApiResponses.Error(context, Status, Reason, Domain, Message, Location, locationType: LocationType);

    /// <summary>
    /// A value outside a field's enum or of the wrong JSON type. Google's parser refuses those before the method sees
    /// them, worded "Invalid value at 'resource.FIELD'" with reason invalid (its newer stack's wording).
    /// </summary>
    public static ApiError InvalidValue(string field, string? value) =>
        new(400, "invalid", "global", "Invalid value at 'resource." + field + "'" + (value == null ? "" : " (TYPE_ENUM), \"" + value + "\""));

    /// <summary>
    /// A part name the method does not know. Google answers 400 unknownPart in youtube.part with the name quoted as the
    /// message (the emulator checks parts on the write methods only; its lists take any).
    /// </summary>
    public static ApiError? UnknownPart(IEnumerable<string> parts, IReadOnlyCollection<string> known) =>
        parts.FirstOrDefault(p => !known.Contains(p)) is { } unknown ? new(400, "unknownPart", "youtube.part", "'" + unknown + "'", "part") : null;
}
