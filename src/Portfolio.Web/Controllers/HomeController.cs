using Microsoft.AspNetCore.Mvc;
using Portfolio.Web.Services.Pages;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Controllers;

/// <summary>The home page and the error pages.</summary>
public sealed class HomeController(HomePages pages) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await pages.HomeAsync(cancellationToken));

    /// <summary>Shown for every status code page and, outside Development, for unhandled errors: never a stack trace.</summary>
    [Route("/error/{status:int?}")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Error(int? status)
    {
        // From the address for status pages; from the exception handler (which chose it) for failures.
        var code = status is >= 400 and < 600 ? status.Value : Response.StatusCode is >= 400 and < 600 ? Response.StatusCode : 500;
        Response.StatusCode = code;
        if (code == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = "5";
        }

        return View("Error", ErrorViewModel.For(code));
    }
}
