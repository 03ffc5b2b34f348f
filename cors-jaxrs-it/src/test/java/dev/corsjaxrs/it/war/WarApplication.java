package dev.corsjaxrs.it.war;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The WAR's application: registers nothing; cors-jaxrs is discovered from WEB-INF/lib. */
@ApplicationPath("api")
public class WarApplication extends Application {}
