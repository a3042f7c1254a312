using Microsoft.AspNetCore.Mvc;
using Portfolio.Web.Services.Outbound;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Controllers;

/// <summary>The portfolio as a JSON Resume, for résumé themes and tools that read one.</summary>
public sealed class ResumeController(ResumeBuilder resumes) : Controller
{
    [HttpGet(SiteUrls.Resume)]
    public async Task<IActionResult> Resume(CancellationToken cancellationToken) =>
        Content((await resumes.ResumeAsync(cancellationToken)).ToJson(), JsonResume.MediaType);
}
