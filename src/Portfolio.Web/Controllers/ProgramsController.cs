using Microsoft.AspNetCore.Mvc;
using Portfolio.Content.Data;
using Portfolio.Web.Services.Pages;

namespace Portfolio.Web.Controllers;

/// <summary>Programs, their capstone projects and their course notes.</summary>
public sealed class ProgramsController(ListPages lists, ProgramPages pages) : Controller
{
    [HttpGet("/programs")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("List", await lists.ListAsync(EntryKind.Program, cancellationToken));

    [HttpGet("/programs/{slug}")]
    public async Task<IActionResult> Program(string slug, CancellationToken cancellationToken) =>
        await pages.ProgramAsync(slug, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("/programs/{program}/capstones/{slug}")]
    public async Task<IActionResult> Capstone(string program, string slug, CancellationToken cancellationToken) =>
        await pages.CapstoneAsync(program, slug, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("/programs/{program}/notes/{slug}")]
    public async Task<IActionResult> Note(string program, string slug, CancellationToken cancellationToken) =>
        await pages.CourseNoteAsync(program, slug, cancellationToken) is { } model ? View(model) : NotFound();
}
