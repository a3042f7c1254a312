using System.Text;

namespace Portfolio.Content.Markdown;

/// <summary>Builders that rendering keeps on a thread from one page to the next: their text, and when to let them go.</summary>
internal static class ThreadBuilders
{
    /// <summary>
    /// The text of a builder kept by the thread for the next page; a builder grown past a megabyte (a page far longer
    /// than usual) is let go with what holds it, rather than kept alive on the thread.
    /// </summary>
    public static string TextOf<T>(StringBuilder builder, ref T? holder)
        where T : class
    {
        var text = builder.ToString();
        if (builder.Capacity > 1024 * 1024)
        {
            holder = null;
        }

        return text;
    }
}
