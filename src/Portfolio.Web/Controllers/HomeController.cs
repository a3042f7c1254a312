using Microsoft.AspNetCore.Mvc;
using Portfolio.Web.Services;

namespace Portfolio.Web.Controllers;

/// <summary>The home page and the error pages.</summary>
public sealed class HomeController(PortfolioReader reader) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await reader.HomeAsync(cancellationToken));

    /// <summary>Shown for every status code page and, outside Development, for unhandled errors: never a stack trace.</summary>
    [Route("/error/{status:int?}")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Error(int? status)
    {
        var code = status is >= 400 and < 600 ? status.Value : 500;
        Response.StatusCode = code;
        return View("Error", PortfolioReader.Error(code));
    }
}
