using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Engine.Tokens;
using Xunit;

namespace YtOAuth.Engine.Tests.Tokens;

public class FileTokenStoreTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "ytoauth-store-" + Guid.NewGuid().ToString("N"));

    private static TokenRecord Record(string profile, string refresh = "1//refresh-token-value") => new()
    {
        Profile = profile, ClientId = "client", ClientSecret = "client-secret-value", RefreshToken = refresh, ConsentUtc = DateTime.UtcNow,
        Scopes = new[] { "https://www.googleapis.com/auth/youtube.readonly" },
    };

    [Fact]
    public void Profiles_come_from_the_stored_names_that_carry_the_stores_prefix_and_suffix_in_ordinal_order()
    {
        var names = new[] { "YtOAuth.b.token.json", "other.a.token.json", null, "YtOAuth.A.token.json", "YtOAuth.c.json", "YtOAuth..token.json" };

        Assert.Equal(new[] { "", "A", "b" }, ProfileName.FromStoredNames(names, "YtOAuth.", ".token.json"));
    }

    [Fact]
    public async Task Write_read_list_delete_round_trip()
    {
        var store = new FileTokenStore(folder);
        await store.WriteAsync(Record("b"), CancellationToken.None);
        await store.WriteAsync(Record("a"), CancellationToken.None);
        await store.WriteAsync(Record("a", "1//second-refresh-token"), CancellationToken.None);

        Assert.Equal(new[] { "a", "b" }, await store.ListProfilesAsync(CancellationToken.None));
        Assert.Equal("1//second-refresh-token", (await store.ReadAsync("a", CancellationToken.None))!.RefreshToken);
        Assert.True(await store.DeleteAsync("a", CancellationToken.None));
        Assert.Null(await store.ReadAsync("a", CancellationToken.None));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public async Task A_damaged_file_gives_a_clear_error_and_is_left_for_the_user()
    {
        var store = new FileTokenStore(folder);
        await store.WriteAsync(Record("a"), CancellationToken.None);
        var path = Path.Combine(folder, "a.token.json");
        File.WriteAllText(path, "{ \"refresh_token\": \"1//half-written");

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => store.ReadAsync("a", CancellationToken.None));

        Assert.Equal(ErrorCode.StoreError, error.Code);
        Assert.Contains(path, error.Message);
        Assert.DoesNotContain("half-written", error.Message);
        Assert.True(File.Exists(path));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    public async Task Profile_names_cannot_leave_the_folder(string profile)
    {
        var store = new FileTokenStore(folder);
        var error = await Assert.ThrowsAsync<YtOAuthException>(() => store.ReadAsync(profile, CancellationToken.None));
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
    }

    [Fact]
    public async Task The_lock_is_exclusive_and_released_on_dispose()
    {
        var store = new FileTokenStore(folder);
        var first = await store.LockAsync("a", CancellationToken.None);
        var second = store.LockAsync("a", CancellationToken.None);
        // Held means held at the OS level: nobody, in this process or another, can open the lock file exclusively.
        Assert.Throws<IOException>(() => new FileStream(Path.Combine(folder, "a.lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose());
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public void Record_text_never_shows_secrets()
    {
        var record = Record("a");
        record.AccessToken = "ya29.access-token-value";
        Assert.DoesNotContain("refresh-token-value", record.ToString());
        Assert.DoesNotContain("client-secret-value", record.ToString());
        Assert.DoesNotContain("access-token-value", record.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, true);
        }
    }
}
