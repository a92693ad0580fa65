package org.commonground.notification;

/** What an unsubscribe link is worth: stop the member's emails, too old (say so, and how else), or not genuine. */
public enum UnsubscribeVerdict { GENUINE, EXPIRED, NOT_GENUINE }
