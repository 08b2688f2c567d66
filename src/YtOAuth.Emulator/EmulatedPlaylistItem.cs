namespace YtOAuth.Emulator;

/// <summary>
/// One entry of a playlist held entry by entry: one written to since the start (its generated or seeded entries are
/// made explicit then, keeping their ids), or one made by playlists.insert. The id stays with the entry as others
/// come and go, as Google's playlist item ids do.
/// </summary>
public sealed record EmulatedPlaylistItem(string Id, string VideoId, DateTime Added, bool Deleted = false);
