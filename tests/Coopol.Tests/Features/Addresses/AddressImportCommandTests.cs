using Coopol.Features.Addresses;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Addresses;

/// <summary><c>scripts/coopol import addresses &lt;file&gt;</c>, run as the script runs it (the built API's dll, see
/// ImportCommandTests for why not the script itself).</summary>
[Collection(ApiCollection.Name)]
public sealed class AddressImportCommandTests(ApiFixture api)
{
    [Fact]
    public async Task TheCommandImportsTheRealFileThenRefusesABadLatitudeNamingItsLineAndColumn()
    {
        await api.ResetAsync();
        var good = await ApiCommand.RunAsync("import", "addresses", RealAddressFile.Path);

        good.ExitCode.ShouldBe(0, good.Stderr);
        good.Stdout.ShouldStartWith("BAL file: 486 addresses on 21 streets in 1 commune (486 new, 0 changed, 0 retired)");
        (await api.WithDbAsync(db => db.Set<Address>().CountAsync())).ShouldBe(486);

        using var temp = new TempFolder();
        var bad = temp.Write("bad-lat.csv", RealAddressFile.Read().With(100, "lat", "149.3").Text);
        var refused = await ApiCommand.RunAsync("import", "addresses", bad);

        refused.ExitCode.ShouldBe(1, refused.Stdout + refused.Stderr);
        refused.Stderr.ShouldContain($"{bad}: line 100, column 15: 149.3 is not a latitude (between -90 and 90 degrees)");
        refused.Stderr.ShouldContain("Nothing of this file was imported.");
        (await api.WithDbAsync(db => db.Set<Address>().CountAsync())).ShouldBe(486);
    }
}
