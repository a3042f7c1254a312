namespace Portfolio.Web.Services.Outbound;

/// <summary>Credential events as an iCalendar object (RFC 5545), to subscribe to or to download.</summary>
public static class CredentialCalendar
{
    public const string MediaType = "text/calendar; charset=utf-8";

    /// <summary>
    /// The calendar of the events: all-day, stamped with when the content last changed (the events change with it),
    /// each named by a UID a calendar keeps across imports.
    /// </summary>
    public static string Write(string name, IEnumerable<CredentialEvent> events, DateTimeOffset stamp, SiteAddress address)
    {
        var host = new Uri(address.BaseUrl).IdnHost;
        var calendar = new ICalendarWriter();
        calendar.Raw("BEGIN", "VCALENDAR");
        calendar.Raw("VERSION", "2.0");
        calendar.Raw("PRODID", "-//Portfolio//Credential calendar//EN");
        calendar.Raw("CALSCALE", "GREGORIAN");
        calendar.Raw("METHOD", "PUBLISH");
        calendar.Text("NAME", name);
        calendar.Text("X-WR-CALNAME", name);
        // Subscribed calendars look again once a day (RFC 7986 and the older name clients still read).
        calendar.Raw("REFRESH-INTERVAL;VALUE=DURATION", "P1D");
        calendar.Raw("X-PUBLISHED-TTL", "P1D");
        foreach (var item in events.OrderBy(e => e.Start).ThenBy(e => e.Uid(host), StringComparer.Ordinal))
        {
            calendar.Raw("BEGIN", "VEVENT");
            calendar.Text("UID", item.Uid(host));
            calendar.Timestamp("DTSTAMP", stamp);
            calendar.Day("DTSTART", item.Start);
            calendar.Day("DTEND", item.End);
            calendar.Text("SUMMARY", item.Summary);
            calendar.Text("DESCRIPTION", item.Description);
            calendar.Raw("URL", address.Absolute(item.Credential.Url));
            // Reminders of dates, not appointments: they leave the day free.
            calendar.Raw("TRANSP", "TRANSPARENT");
            calendar.Raw("END", "VEVENT");
        }

        calendar.Raw("END", "VCALENDAR");
        return calendar.ToString();
    }
}
