// Portfolio.BareKestrel FILE --urls URL: Kestrel and one delegate answering the bytes of FILE to every request, with no
// middleware, routing, logging or headers beyond its type and length.
if (args is not [var file, ..] || !File.Exists(file))
{
    await Console.Error.WriteLineAsync("usage: Portfolio.BareKestrel FILE --urls URL");
    return 2;
}

var body = await File.ReadAllBytesAsync(file);
var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args[1..] });
builder.WebHost.UseKestrelCore();
var app = builder.Build();
app.Run(context =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});
await app.RunAsync();
return 0;
