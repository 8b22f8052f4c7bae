using Microsoft.AspNetCore.Mvc;

namespace CorsGen.BrowserTests.TestApp;

/// <summary>A controller governed by its policy's generated attribute (middleware-mode API only).</summary>
[ApiController, Route("controller/orders"), CredentialsCors]
public sealed class BrowserOrdersController : ControllerBase
{
    [HttpGet]
    public object List() => new { Orders = 2 };

    /// <summary>PUT only: a credentialed, preflighted call reaches it through the attribute's policy.</summary>
    [HttpPut]
    public object Update() => new { Updated = true, Session = Request.Cookies["session"] };
}
