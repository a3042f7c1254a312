using Portfolio.Content.Data;

namespace Portfolio.Content.Tests.Text;

/// <summary>Credential states at fixed dates.</summary>
public sealed class CredentialValidityTests
{
    private static readonly DateTime Issued = new(2024, 3, 5);

    private static CredentialDetails Aws(int? validYears = null, DateTime? expires = null) =>
        new() { Status = CredentialStatus.Earned, Issuer = "Amazon Web Services", ValidYears = validYears, Expires = expires };

    [Theory]
    [InlineData("2024-03-05", CredentialState.Active)]
    [InlineData("2026-12-04", CredentialState.Active)]
    [InlineData("2026-12-05", CredentialState.ExpiringSoon)]
    [InlineData("2027-03-04", CredentialState.ExpiringSoon)]
    [InlineData("2027-03-05", CredentialState.Expired)]
    [InlineData("2030-01-01", CredentialState.Expired)]
    public void An_aws_certification_is_valid_three_years_and_expiring_in_its_last_90_days(string today, CredentialState state) =>
        Assert.Equal(state, CredentialValidity.StateOn(DateTime.Parse(today), EntryKind.Certification, "AWS Certified X", Issued, Aws()));

    [Theory]
    [InlineData(30, "2027-02-02", CredentialState.Active)]
    [InlineData(30, "2027-02-03", CredentialState.ExpiringSoon)]
    [InlineData(180, "2026-09-05", CredentialState.Active)]
    [InlineData(180, "2026-09-06", CredentialState.ExpiringSoon)]
    public void The_renewal_window_sets_when_expiry_is_soon(int windowDays, string today, CredentialState state)
    {
        Assert.Equal(state, CredentialValidity.StateOn(DateTime.Parse(today), EntryKind.Certification, "AWS Certified X", Issued, Aws(), windowDays));
        Assert.Equal(new DateTime(2027, 3, 5).AddDays(-windowDays), CredentialValidity.RenewalOpensOn(new DateTime(2027, 3, 5), windowDays));
    }

    [Fact]
    public void Front_matter_validity_and_expiry_win_over_the_issuer_rule()
    {
        Assert.Equal(new DateTime(2026, 3, 5), CredentialValidity.ExpiresOn(EntryKind.Certification, "AWS Certified X", Issued, Aws(validYears: 2)));
        Assert.Equal(new DateTime(2025, 1, 1), CredentialValidity.ExpiresOn(EntryKind.Certification, "AWS Certified X", Issued, Aws(expires: new DateTime(2025, 1, 1))));
    }

    [Fact]
    public void An_aws_certification_without_an_issuer_is_known_by_its_title()
    {
        var credential = new CredentialDetails { Status = CredentialStatus.Earned };

        Assert.Equal(new DateTime(2027, 3, 5), CredentialValidity.ExpiresOn(EntryKind.Certification, "AWS Certified Machine Learning - Specialty", Issued, credential));
        Assert.Null(CredentialValidity.ExpiresOn(EntryKind.Certification, "Some Other Certificate", Issued, credential));
        Assert.Equal(CredentialState.Active, CredentialValidity.StateOn(new DateTime(2040, 1, 1), EntryKind.Certification, "Some Other Certificate", Issued, credential));
    }

    [Fact]
    public void Programs_are_completed_and_preparation_is_preparation()
    {
        Assert.Equal(CredentialState.Completed, CredentialValidity.StateOn(new DateTime(2040, 1, 1), EntryKind.Program, "Nanodegree", Issued, new CredentialDetails()));
        Assert.Equal(CredentialState.InPreparation, CredentialValidity.StateOn(new DateTime(2040, 1, 1), EntryKind.Certification, "AWS Certified Y", null,
            new CredentialDetails { Status = CredentialStatus.InPreparation, Issuer = "Amazon Web Services" }));
    }

    [Theory]
    [InlineData("2024-03-04", CredentialState.NotYetValid)]
    [InlineData("2024-03-05", CredentialState.Active)]
    [InlineData("2026-01-01", CredentialState.ExpiringSoon)]
    [InlineData("2026-03-05", CredentialState.Expired)]
    public void A_badge_is_not_yet_valid_before_its_valid_from_day_and_expires_when_it_says(string today, CredentialState state)
    {
        var badge = new CredentialDetails { Status = CredentialStatus.Earned, Issuer = "Example Issuer", ValidFrom = Issued, Expires = new DateTime(2026, 3, 5) };

        Assert.Equal(state, CredentialValidity.StateOn(DateTime.Parse(today, System.Globalization.CultureInfo.InvariantCulture), EntryKind.Badge, "A badge", Issued, badge));
    }

    [Fact]
    public void A_badge_of_an_aws_issuer_expires_only_when_the_badge_says()
    {
        var badge = new CredentialDetails { Status = CredentialStatus.Earned, Issuer = "Amazon Web Services", ValidFrom = Issued };

        Assert.Null(CredentialValidity.ExpiresOn(EntryKind.Badge, "AWS Certified X", Issued, badge));
        Assert.Equal(CredentialState.Active, CredentialValidity.StateOn(new DateTime(2040, 1, 1), EntryKind.Badge, "AWS Certified X", Issued, badge));
    }
}
