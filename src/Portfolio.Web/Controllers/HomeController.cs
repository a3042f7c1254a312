using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portfolio.Content.Data;

namespace Portfolio.Web.Controllers;

/// <summary>The home page. A first version: the content that was imported, by kind.</summary>
public sealed class HomeController(PortfolioDbContext db, IOptions<PortfolioOptions> options) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var entries = await db.Entries.Where(e => options.Value.IncludeDrafts || !e.IsDraft).OrderBy(e => e.Kind).ThenBy(e => e.Order).ThenBy(e => e.Title).ToListAsync(cancellationToken);
        return View(entries);
    }

    [HttpGet("/error/{status:int?}")]
    public IActionResult Error(int? status) => View("Error", status ?? 500);
}
