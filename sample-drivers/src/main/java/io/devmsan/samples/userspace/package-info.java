/**
 * What the stories use to play user space. Its main class is
 * {@link io.devmsan.samples.userspace.UserThread}: a process making system calls on its own thread,
 * which a story can watch block inside the kernel and join, so that two-thread stories are ordered
 * by observation instead of sleeps.
 */
package io.devmsan.samples.userspace;
