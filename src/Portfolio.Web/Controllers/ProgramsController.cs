using Microsoft.AspNetCore.Mvc;
using Portfolio.Content.Data;
using Portfolio.Web.Services;

namespace Portfolio.Web.Controllers;

/// <summary>Programs, their capstone projects and their course notes.</summary>
public sealed class ProgramsController(PortfolioReader reader) : Controller
{
    [HttpGet("/programs")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("List", await reader.ListAsync(EntryKind.Program, cancellationToken));

    [HttpGet("/programs/{slug}")]
    public async Task<IActionResult> Program(string slug, CancellationToken cancellationToken) =>
        await reader.ProgramAsync(slug, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("/programs/{program}/capstones/{slug}")]
    public async Task<IActionResult> Capstone(string program, string slug, CancellationToken cancellationToken) =>
        await reader.CapstoneAsync(program, slug, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("/programs/{program}/notes/{slug}")]
    public async Task<IActionResult> Note(string program, string slug, CancellationToken cancellationToken) =>
        await reader.CourseNoteAsync(program, slug, cancellationToken) is { } model ? View(model) : NotFound();
}
