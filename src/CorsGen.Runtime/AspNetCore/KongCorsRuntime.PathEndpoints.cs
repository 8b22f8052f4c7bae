using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace CorsGen
{
    static partial class KongCorsRuntime
    {
        /// <summary>
        /// R4, with UseKongCors(): adds <see cref="PathEndpoints"/> to the application's endpoints, once per application,
        /// where routing is set up (a WebApplication, or the route builder UseRouting() created).
        /// </summary>
        internal static void AddPathEndpoints(IApplicationBuilder app)
        {
            var routes = app as IEndpointRouteBuilder
                ?? (app.Properties.TryGetValue("__EndpointRouteBuilder", out var builder) ? builder as IEndpointRouteBuilder : null);
            routes?.DataSources.Add(new PathEndpoints(routes.DataSources, app.ApplicationServices));
        }

        /// <summary>
        /// R4: a policy governs a path, not a method. For each route pattern (and hosts) of an endpoint governed by a
        /// CorsGen policy, one more endpoint on the same pattern that routing selects only for the methods no endpoint of
        /// that pattern maps (of Kong's nine): a preflight asking for such a method reaches the policy, which UseKongCors()
        /// runs (P1-P7), and any other request gets the 405 routing would have written, with the policy's headers (A1,
        /// A2). It never competes with an endpoint the application mapped: it takes none of their methods, and comes
        /// after all of them in order; among patterns, the most specific wins, as routing decides.
        /// </summary>
        internal sealed class PathEndpoints : EndpointDataSource
        {
            private static readonly string[] KongMethods = { "GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "TRACE", "CONNECT" };

            private readonly ICollection<EndpointDataSource> _sources;
            private readonly IServiceProvider _services;
            private readonly object _gate = new object();
            private List<Endpoint>? _endpoints;
            private List<IChangeToken>? _tokens;

            public PathEndpoints(ICollection<EndpointDataSource> sources, IServiceProvider services)
            {
                _sources = sources;
                _services = services;
            }

            /// <summary>
            /// Built once and kept until another source changes: reading the other sources builds their endpoints
            /// again (a minimal-API source builds them on every read), and routing, link generation and tools each read.
            /// Whether a source changed is read from the tokens taken before the last build, not from a callback, so a
            /// reader woken by the same change never gets the old endpoints.
            /// </summary>
            public override IReadOnlyList<Endpoint> Endpoints
            {
                get
                {
                    lock (_gate)
                    {
                        if (_endpoints is null || AnyChanged(_tokens!))
                        {
                            _tokens = Tokens();
                            _endpoints = Build();
                        }

                        return _endpoints;
                    }
                }
            }

            public override IChangeToken GetChangeToken() => new CompositeChangeToken(Tokens());

            private List<IChangeToken> Tokens()
            {
                var tokens = new List<IChangeToken>();
                foreach (var source in Sources())
                {
                    tokens.Add(source.GetChangeToken());
                }

                return tokens;
            }

            private static bool AnyChanged(List<IChangeToken> tokens)
            {
                foreach (var token in tokens)
                {
                    if (token.HasChanged)
                    {
                        return true;
                    }
                }

                return false;
            }

            private List<EndpointDataSource> Sources()
            {
                var sources = new List<EndpointDataSource>();
                foreach (var source in _sources)
                {
                    if (source is not PathEndpoints)
                    {
                        sources.Add(source);
                    }
                }

                return sources;
            }

            private List<Endpoint> Build()
            {
                // Every endpoint of a pattern counts for the methods it maps; the policy is the one of the endpoint routing
                // ranks first on that pattern (the lowest order).
                var paths = new Dictionary<string, PathUse>(StringComparer.Ordinal);
                var inOrder = new List<PathUse>();
                foreach (var source in Sources())
                {
                    foreach (var endpoint in source.Endpoints)
                    {
                        if (endpoint is not RouteEndpoint route)
                        {
                            continue;
                        }

                        var hosts = route.Metadata.GetMetadata<IHostMetadata>();
                        var key = (route.RoutePattern.RawText ?? route.DisplayName ?? "") + "\n" + (hosts is null ? "" : string.Join(",", hosts.Hosts));
                        if (!paths.TryGetValue(key, out var path))
                        {
                            path = new PathUse(key, route, hosts);
                            paths.Add(key, path);
                            inOrder.Add(path);
                        }

                        path.Add(route, FindPolicy(route.Metadata, out _));
                    }
                }

                var ranked = new List<(PathUse Path, int Mapped)>();
                foreach (var path in inOrder)
                {
                    if (path.Tie is { } tie)
                    {
                        LogTie(path.Key, tie.First, tie.Second);
                    }

                    if (path.Policy is not null && !path.AnyMethod)
                    {
                        ranked.Add((path, ranked.Count));
                    }
                }

                // Orders after every mapped endpoint (and before MapFallback's int.MaxValue), most specific pattern first,
                // then in mapping order: no two path endpoints ever tie, so routing never finds them ambiguous.
                ranked.Sort(static (x, y) =>
                {
                    var byPrecedence = x.Path.Route.RoutePattern.InboundPrecedence.CompareTo(y.Path.Route.RoutePattern.InboundPrecedence);
                    return byPrecedence != 0 ? byPrecedence : x.Mapped.CompareTo(y.Mapped);
                });

                var endpoints = new List<Endpoint>();
                for (var i = 0; i < ranked.Count; i++)
                {
                    if (ranked[i].Path.ToEndpoint(int.MaxValue - 1 - ranked.Count + i, KongMethods) is { } endpoint)
                    {
                        endpoints.Add(endpoint);
                    }
                }

                return endpoints;
            }

            /// <summary>Logs, once per application and pattern, two policies that tie on one pattern.</summary>
            private void LogTie(string key, string first, string second)
            {
                if (Logger(_services) is { } logger && s_reported.GetOrCreateValue(_services).TryAdd("R4\n" + key, true))
                {
                    s_pathPolicyTie(logger, key.Replace("\n", " "), first, second, null);
                }
            }
        }

        /// <summary>Marks the endpoints <see cref="PathEndpoints"/> adds.</summary>
        internal sealed class PathEndpointMetadata
        {
            public static PathEndpointMetadata Instance { get; } = new PathEndpointMetadata();
        }

        /// <summary>One route pattern (and its hosts): the methods its endpoints map, and the policy that governs it.</summary>
        private sealed class PathUse
        {
            private readonly HashSet<string> _methods = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            private readonly HashSet<string> _preflightsOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            private readonly IHostMetadata? _hosts;
            private int _policyOrder = int.MaxValue;
            private EndpointLogger? _logger;

            public PathUse(string key, RouteEndpoint route, IHostMetadata? hosts)
            {
                Key = key;
                Route = route;
                _hosts = hosts;
            }

            /// <summary>The pattern and its hosts, as <see cref="PathEndpoints"/> groups endpoints.</summary>
            public string Key { get; }

            public RouteEndpoint Route { get; }

            /// <summary>Two policies of the same, lowest order on the pattern: the first answers, and this says so.</summary>
            public (string First, string Second)? Tie { get; private set; }

            public KongCorsPolicy? Policy { get; private set; }

            /// <summary>The policy answers preflights (not P7): its endpoints accept CORS preflights.</summary>
            public bool AcceptsPreflights { get; private set; }

            /// <summary>An endpoint of the pattern takes every method: routing never answers 405 there.</summary>
            public bool AnyMethod { get; private set; }

            public void Add(RouteEndpoint route, KongCorsPolicy? policy)
            {
                var methods = route.Metadata.GetMetadata<IHttpMethodMetadata>();
                if (methods is null || methods.HttpMethods.Count == 0)
                {
                    AnyMethod = true;
                }
                else
                {
                    _methods.UnionWith(methods.HttpMethods);
                }

                if (policy is null || route.Metadata.GetMetadata<PathEndpointMetadata>() is not null)
                {
                    return;
                }

                // P7: a policy that lets preflights continue does not answer them.
                var answersPreflights = !policy.PreflightContinue;
                if (answersPreflights && methods is { AcceptCorsPreflight: false, HttpMethods.Count: > 0 })
                {
                    // An attribute (on a controller, an action, a page, a handler) adds no convention that lets routing send
                    // the endpoint's own preflights to it: the path endpoint takes them, and only them (it orders after).
                    _preflightsOnly.UnionWith(methods.HttpMethods);
                }

                if (Policy is not null && !SamePolicy(Policy, policy) && route.Order == _policyOrder)
                {
                    Tie ??= (Policy.Name, policy.Name);
                }

                if (route.Order < _policyOrder)
                {
                    Policy = policy;
                    _policyOrder = route.Order;
                    AcceptsPreflights = answersPreflights;
                    _logger = route.Metadata.GetMetadata<EndpointLogger>();
                }
            }

            /// <summary>The path endpoint, for the methods of <paramref name="known"/> no endpoint maps; null when it maps them all.</summary>
            public RouteEndpoint? ToEndpoint(int order, string[] known)
            {
                var unmapped = new List<string>();
                foreach (var method in known)
                {
                    if (!_methods.Contains(method))
                    {
                        unmapped.Add(method);
                    }
                }

                if (AcceptsPreflights)
                {
                    foreach (var method in _preflightsOnly)
                    {
                        if (!unmapped.Contains(method))
                        {
                            unmapped.Add(method);
                        }
                    }
                }

                if (unmapped.Count == 0)
                {
                    return null;
                }

                // What routing's own 405 would say: the methods the pattern maps.
                var mapped = new List<string>(_methods);
                mapped.Sort(StringComparer.OrdinalIgnoreCase);
                var allow = string.Join(", ", mapped);
                var metadata = new List<object>
                {
                    Policy!,
                    new HttpMethodMetadata(unmapped, acceptCorsPreflight: AcceptsPreflights),
                    PathEndpointMetadata.Instance,
                    new SuppressLinkGenerationMetadata(),
                    new ExcludeFromDescriptionAttribute(),
                };
                if (_hosts is not null)
                {
                    metadata.Add(_hosts);
                }

                if (_logger is not null)
                {
                    metadata.Add(_logger);
                }

                return new RouteEndpoint(
                    context =>
                    {
                        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                        context.Response.Headers.Allow = allow;
                        return Task.CompletedTask;
                    },
                    Route.RoutePattern,
                    order,
                    new EndpointMetadataCollection(metadata),
                    "CorsGen path of " + (Route.RoutePattern.RawText ?? Route.DisplayName));
            }
        }
    }
}
