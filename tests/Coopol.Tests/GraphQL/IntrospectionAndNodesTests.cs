using System.Text.Json.Nodes;
using Coopol.Common;
using Coopol.Tests.Infrastructure;

namespace Coopol.Tests.GraphQL;

/// <summary>Introspection as tools ask for it, and Relay's node/nodes.</summary>
[Collection(ApiCollection.Name)]
public sealed class IntrospectionAndNodesTests(ApiFixture api)
{
    /// <summary>graphql-js 16's getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true,
    /// schemaDescription: true, inputValueDeprecation: true }), blank lines removed: what codegen tools and schema registries
    /// send. It asks isRepeatable, includeDeprecated on args and inputFields, and specifiedByURL.</summary>
    private const string FullIntrospection = """
        query IntrospectionQuery {
          __schema {
            description
            queryType { name kind }
            mutationType { name kind }
            subscriptionType { name kind }
            types {
              ...FullType
            }
            directives {
              name
              description
              isRepeatable
              locations
              args(includeDeprecated: true) {
                ...InputValue
              }
            }
          }
        }
        fragment FullType on __Type {
          kind
          name
          description
          specifiedByURL
          fields(includeDeprecated: true) {
            name
            description
            args(includeDeprecated: true) {
              ...InputValue
            }
            type {
              ...TypeRef
            }
            isDeprecated
            deprecationReason
          }
          inputFields(includeDeprecated: true) {
            ...InputValue
          }
          interfaces {
            ...TypeRef
          }
          enumValues(includeDeprecated: true) {
            name
            description
            isDeprecated
            deprecationReason
          }
          possibleTypes {
            ...TypeRef
          }
        }
        fragment InputValue on __InputValue {
          name
          description
          type { ...TypeRef }
          defaultValue
          isDeprecated
          deprecationReason
        }
        fragment TypeRef on __Type {
          kind
          name
          ofType {
            name
            kind
            ofType {
              name
              kind
              ofType {
                name
                kind
                ofType {
                  name
                  kind
                  ofType {
                    name
                    kind
                    ofType {
                      name
                      kind
                      ofType {
                        name
                        kind
                        ofType {
                          name
                          kind
                          ofType {
                            name
                            kind
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
        """;

    private GraphQLClient GraphQL => new(api.Factory);

    [Fact]
    public async Task GraphQLJsFullIntrospectionQueryAnswersWithoutErrors()
    {
        foreach (var caller in new string?[] { null, TestWorld.MemberS1 })
        {
            await TestWorld.CreateAsync(api);
            var answer = await GraphQL.PostAsync(FullIntrospection, asEmail: caller);
            answer.ShouldHaveNoErrors();
            var schema = answer.At("__schema")!;
            schema["queryType"]!["name"]!.GetValue<string>().ShouldBe("Query");
            schema["mutationType"]!["name"]!.GetValue<string>().ShouldBe("Mutation");
            var types = schema["types"]!.AsArray();
            types.Select(t => t!["name"]!.GetValue<string>()).ShouldContain("Person");
            // specifiedByURL is asked of every type; no scalar of ours points to a specification.
            var dateTime = types.Single(t => t!["name"]!.GetValue<string>() == "DateTime")!.AsObject();
            dateTime.ContainsKey("specifiedByURL").ShouldBeTrue();
            // isRepeatable on directives, and deprecation asked of input values.
            schema["directives"]!.AsArray().ShouldAllBe(d => d!["isRepeatable"] != null);
            var addPersonInput = types.Single(t => t!["name"]!.GetValue<string>() == "AddPersonInput")!;
            addPersonInput["inputFields"]!.AsArray().ShouldAllBe(f => f!["isDeprecated"] != null);
            addPersonInput["inputFields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ShouldContain("email");
        }
    }

    [Fact]
    public async Task NodesReturnsTheObjectsInOrderWithNullForUnknownMalformedAndHiddenIds()
    {
        var w = await TestWorld.CreateAsync(api);
        var ids = new[]
        {
            w.IdOf(TestWorld.OtherS1),                          // a person of S1
            GlobalId.Encode("Person", Guid.NewGuid()),          // unknown
            "not-a-global-id",                                  // malformed
            w.IdOf(TestWorld.PersonS2),                         // a person of S2: hidden from the S1 secretary
            w.S1Id,                                             // a section
            GlobalId.Encode("Federation", "29"),               // a federation
            GlobalId.Encode("Person", "not-a-guid"),            // malformed key
            GlobalId.Encode("Nothing", Guid.NewGuid()),         // unknown type
            w.IdOf(TestWorld.OtherS1),                          // the same again
            w.GrantIdOf(TestWorld.DelegateS1),                  // a delegation the secretary granted
        };
        var answer = await GraphQL.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Person { email } ... on Section { name } ... on Federation { code } } }",
            new { ids }, TestWorld.SecretaryS1);
        answer.ShouldHaveNoErrors();
        var nodes = answer.At("nodes")!.AsArray();
        nodes.Count.ShouldBe(ids.Length);
        nodes[0]!["email"]!.GetValue<string>().ShouldBe(TestWorld.OtherS1);
        nodes[1].ShouldBeNull();
        nodes[2].ShouldBeNull();
        nodes[3].ShouldBeNull();
        nodes[4]!["name"]!.GetValue<string>().ShouldBe("Alpha");
        nodes[5]!["code"]!.GetValue<string>().ShouldBe("29");
        nodes[6].ShouldBeNull();
        nodes[7].ShouldBeNull();
        nodes[8]!["id"]!.GetValue<string>().ShouldBe(w.IdOf(TestWorld.OtherS1));
        nodes[9]!["__typename"]!.GetValue<string>().ShouldBe("RoleGrant");
        for (var i = 0; i < ids.Length; i++)
            if (nodes[i] is JsonObject node) node["id"]!.GetValue<string>().ShouldBe(ids[i]);

        // The federation secretary sees the person of S2 at the same place.
        var federation = await GraphQL.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids }, TestWorld.FederationSecretaryA);
        federation.ShouldHaveNoErrors().At("nodes.3.id")!.GetValue<string>().ShouldBe(w.IdOf(TestWorld.PersonS2));
    }

    [Fact]
    public async Task NodesRefusesMoreThan100Ids()
    {
        var w = await TestWorld.CreateAsync(api);
        const string query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }";
        var hundred = Enumerable.Repeat(w.IdOf(TestWorld.OtherS1), 100).ToArray();
        var ok = await GraphQL.PostAsync(query, new { ids = hundred }, TestWorld.SecretaryS1);
        ok.ShouldHaveNoErrors().At("nodes")!.AsArray().Count.ShouldBe(100);

        var tooMany = Enumerable.Range(0, 101).Select(_ => GlobalId.Encode("Person", Guid.NewGuid())).ToArray();
        api.Factory.Sql.Reset();
        var refused = await GraphQL.PostAsync(query, new { ids = tooMany }, TestWorld.SecretaryS1);
        refused.ErrorCodes.ShouldBe(["VALIDATION_FAILED"]);
        refused.Errors[0]!["message"]!.GetValue<string>().ShouldContain("100");
        refused.Data?["nodes"].ShouldBeNull();
        var huge = await GraphQL.PostAsync(query, new { ids = Enumerable.Repeat("x", 5000).ToArray() }, TestWorld.SecretaryS1);
        huge.ErrorCodes.ShouldBe(["VALIDATION_FAILED"]);
    }
}
