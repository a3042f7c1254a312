using Microsoft.AspNetCore.Mvc;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Controllers;

public static class ControllerExtensions
{
    /// <summary>The error page with status 400, for a query the site cannot read.</summary>
    public static ViewResult BadRequestPage(this Controller controller)
    {
        controller.Response.StatusCode = StatusCodes.Status400BadRequest;
        return controller.View("Error", ErrorViewModel.For(StatusCodes.Status400BadRequest));
    }
}
