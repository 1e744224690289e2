/**
 * The extension's parts: its settings, the running CodeBuild of a test class or test, seeding, the check of
 * declared calls, and the AWS SDK clients (the one class that names the SDK, loaded only when it is present). Not an
 * API: anything here may change in any release.
 */
package io.buildstop.junit5.internal;
