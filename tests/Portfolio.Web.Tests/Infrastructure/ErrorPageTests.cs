using Portfolio.Web.ViewModels;
using Portfolio.Web.Services;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>Outside Development an error gets a page without a stack trace.</summary>
public sealed class ErrorPageTests
{
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseEndpoints(endpoints => endpoints.MapGet("/test/throw", (HttpContext _) =>
                throw new InvalidOperationException("secret detail at /home/owner/content")));
        };
    }

    [Fact]
    public async Task An_unhandled_error_gets_the_error_page_without_details()
    {
        using var factory = new PortfolioFactory();
        using var throwing = factory.WithWebHostBuilder(builder => builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ThrowingEndpoint>()));
        using var client = throwing.CreateClient();
        await throwing.Services.GetRequiredService<ContentState>().FirstImport;

        using var response = await client.GetAsync(new Uri("/test/throw", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", html);
        Assert.DoesNotContain("secret detail", html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain(" at ", html.Replace("at this address", "", StringComparison.Ordinal));
    }
}
