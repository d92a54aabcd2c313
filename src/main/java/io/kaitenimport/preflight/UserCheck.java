package io.kaitenimport.preflight;

import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Report;
import io.kaitenimport.issue.ReportSection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * People: each package user by email (trimmed, case-insensitive) against the target's users — existing, new,
 * deactivated, email-blocked, deletion-requested — as REST doc §3(a) describes. {@code activated: false} is
 * reported, never reclassified: the seed does not say what it means.
 */
final class UserCheck {
    private UserCheck() {
    }

    static void run(PackageFacts pkg, TargetSnapshot target, Report report) {
        Map<String, List<TargetSnapshot.User>> byEmail = new LinkedHashMap<>();
        for (TargetSnapshot.User u : target.users()) {
            if (u.email() != null) {
                byEmail.computeIfAbsent(key(u.email()), k -> new ArrayList<>()).add(u);
            }
        }
        boolean partial = TargetSnapshot.SHARED_USERS.equals(target.usersFrom());
        Map<String, String> firstPackageUser = new HashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (PackageFacts.Rec<PackageFacts.UserRow> rec : pkg.users()) {
            PackageFacts.UserRow u = rec.value();
            var at = rec.at(u.id());
            String email = u.email() == null ? "" : u.email();
            List<String> status = new ArrayList<>();
            String targetId = "";
            String dup = email.isBlank() ? null : firstPackageUser.putIfAbsent(key(email), String.valueOf(u.id()));
            if (dup != null) {
                status.add("same email as package user " + dup);
            }
            List<TargetSnapshot.User> found = byEmail.getOrDefault(key(email), List.of());
            if (found.size() > 1) {
                status.add("ambiguous");
                report.add(IssueCode.TARGET_USER_DUPLICATE, at, email + " belongs to " + found.size()
                        + " target users (ids " + found.stream().map(f -> String.valueOf(f.id())).toList() + ")");
            } else if (found.isEmpty()) {
                if (partial) {
                    status.add("not visible (may be new)");
                    report.add(IssueCode.TARGET_USER_NOT_VISIBLE, at, email + " is not among the users of spaces "
                            + "shared with the token's user; it may exist elsewhere in the company, or be new");
                } else {
                    status.add("new");
                    report.add(IssueCode.TARGET_USER_NEW, at, email + " is not a user of the target company: the "
                            + "import creates it and may send an invitation");
                }
            } else {
                TargetSnapshot.User t = found.get(0);
                targetId = String.valueOf(t.id());
                classify(email, t, status, report, at);
            }
            rows.add(List.of(String.valueOf(u.id()), email, String.join(", ", status), targetId));
        }
        report.section(new ReportSection("Target: people (" + pkg.users().size() + ", users read from "
                + target.usersFrom() + ")", List.of("package user", "email", "status", "Kaiten user id"), rows));
    }

    private static void classify(String email, TargetSnapshot.User t, List<String> status, Report report,
                                 io.kaitenimport.issue.Location at) {
        boolean problem = false;
        if (Integer.valueOf(3).equals(t.role())) {
            problem = true;
            status.add("deactivated");
            report.add(IssueCode.TARGET_USER_DEACTIVATED, at, email + " is target user " + t.id()
                    + ", deactivated (role 3)");
        }
        if (t.emailBlocked() != null) {
            problem = true;
            status.add("email blocked");
            report.add(IssueCode.TARGET_USER_BLOCKED, at, email + " is target user " + t.id() + ", email blocked "
                    + "since " + t.emailBlocked() + (t.emailBlockedReason() == null ? ""
                    : " (" + t.emailBlockedReason() + ")"));
        }
        if (t.deleteRequestedAt() != null) {
            problem = true;
            status.add("deletion requested");
            report.add(IssueCode.TARGET_USER_DELETION, at, email + " is target user " + t.id()
                    + ", deletion requested at " + t.deleteRequestedAt());
        }
        if (!problem) {
            status.add("exists");
            report.add(IssueCode.TARGET_USER_EXISTS, at, email + " is target user " + t.id()
                    + (t.fullName() == null ? "" : " (" + t.fullName() + ")"));
        }
        if (Boolean.TRUE.equals(t.virtual())) {
            status.add("virtual");
            report.add(IssueCode.TARGET_USER_NOTE, at, email + ": target user " + t.id() + " is virtual");
        }
        if (Boolean.FALSE.equals(t.activated())) {
            status.add("not activated");
            report.add(IssueCode.TARGET_USER_NOTE, at, email + ": target user " + t.id() + " has activated=false "
                    + "(perhaps invited but never signed in; the API docs do not say)");
        }
        if (t.email() != null && !t.email().strip().equals(email.strip())) {
            status.add("email case differs");
            report.add(IssueCode.TARGET_USER_NOTE, at, email + " matches target email '" + t.email()
                    + "' only when letter case is ignored; whether the import does so is not documented");
        }
    }

    static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
