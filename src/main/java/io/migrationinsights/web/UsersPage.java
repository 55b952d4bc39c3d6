package io.migrationinsights.web;

import io.migrationinsights.system.ProblemException;
import io.migrationinsights.users.Roles;
import io.migrationinsights.users.UserService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /users} (admin only): the users with role, organisations, created and
 * last sign-in; forms to create a user, change a role and remove a user, each
 * through UserService as {@code PUT/DELETE /api/users/{username}} (same rules,
 * same audit lines). A refused change is shown with the service's reason.
 */
@Path(UsersPage.PATH)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class UsersPage {

    /** Where the page lives. */
    public static final String PATH = "/users";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<UserService.UserView> users, Table table, List<String> roles,
                                             Form form, String message, String error);
    }

    /** The create form as sent (never the password). */
    public record Form(String username, String role, String organisations) {
        static final Form EMPTY = new Form("", Roles.VIEWER, "");
    }

    /** The roles, most powerful first, as the forms offer them. */
    static final List<String> ROLES = List.of(Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER);

    private final UserService users;
    private final SecurityIdentity identity;

    UsersPage(UserService users, SecurityIdentity identity) {
        this.users = users;
        this.identity = identity;
    }

    @GET
    public TemplateInstance show(@QueryParam("done") String done, @QueryParam("user") String user) {
        String who = user == null ? "" : user;
        String message = switch (done == null ? "" : done) {
            case "created" -> "User " + who + " was created.";
            case "role" -> "The role of " + who + " was changed.";
            case "removed" -> "User " + who + " was removed; the API tokens it created were revoked.";
            default -> null;
        };
        return render(Form.EMPTY, message, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("username") String username, @FormParam("password") String password,
                           @FormParam("role") String role, @FormParam("organisations") String organisations) {
        String name = username == null ? "" : username.strip();
        String r = role == null ? "" : role.strip();
        String orgs = organisations == null ? "" : organisations.strip();
        Form form = new Form(name, r, orgs);
        if (!Roles.ALL.contains(r)) {
            return refused(form, "Choose a role: admin, pm, finance or viewer.");
        }
        if (password == null || password.isEmpty()) {
            return refused(form, "Give the new user a password of at least " + UserService.MIN_PASSWORD_LENGTH
                    + " characters.");
        }
        if (users.list().stream().anyMatch(u -> u.username().equals(name))) {
            return refused(form, "There is already a user '" + name + "': change its role in the table, or "
                    + "choose another name.");
        }
        List<String> codes = orgs.isEmpty() ? null : Arrays.stream(orgs.split("[,\\s]+"))
                .filter(s -> !s.isBlank()).map(String::strip).toList();
        try {
            users.save(name, password, r, codes);
            return Pages.seeOther(PATH + "?done=created&user=" + encode(name));
        } catch (ProblemException e) {
            return refused(form, e.getMessage());
        }
    }

    @POST
    @Path("{username}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(@PathParam("username") String username, @FormParam("role") String role) {
        if (role == null || !Roles.ALL.contains(role.strip())) {
            return refused(Form.EMPTY, "Choose a role: admin, pm, finance or viewer.");
        }
        if (users.list().stream().noneMatch(u -> u.username().equals(username))) {
            return Response.status(404).entity(render(Form.EMPTY, null, "There is no user '" + username + "'."))
                    .build();
        }
        try {
            users.save(username, null, role.strip(), null);
        } catch (ProblemException e) {
            return refused(Form.EMPTY, e.getMessage());
        }
        return Pages.seeOther(PATH + "?done=role&user=" + encode(username));
    }

    @POST
    @Path("{username}/remove")
    public Response remove(@PathParam("username") String username) {
        try {
            users.delete(username, identity.getPrincipal().getName());
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(render(Form.EMPTY, null, e.getMessage())).build();
        }
        return Pages.seeOther(PATH + "?done=removed&user=" + encode(username));
    }

    @GET
    @Path("tables/{table}.xlsx")
    @Produces(TableWorkbook.XLSX)
    public Response table(@PathParam("table") String table) {
        return TableWorkbook.download(List.of(table(users.list())), table, "users");
    }

    private Response refused(Form form, String error) {
        return Response.status(422).entity(render(form, null, error)).build();
    }

    private TemplateInstance render(Form form, String message, String error) {
        List<UserService.UserView> list = users.list();
        return Templates.users(list, table(list), ROLES, form, message, error);
    }

    private static Table table(List<UserService.UserView> list) {
        Table.Builder t = Table.on(PATH, "users", "Users")
                .columns("User", "Role", "Organisations", "Created", "Last sign-in");
        list.forEach(u -> t.row(u.username(), u.role(), String.join(", ", u.organisations()), u.createdAt(),
                u.lastSignInAt()));
        return t.build();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
